// `baove chat --jsonl`: a scripted conversation prints one JSON object per outgoing message.
import { describe, expect, it } from 'vitest';
import { runCli, tempDatabaseUrl } from '../support/cli';

describe('chat --jsonl', () => {
  it('prints the welcome menu as JSON with buttons and state', () => {
    const r = runCli(['chat', '--jsonl'], '{"from":"u1","text":"/start"}\n', { DATABASE_URL: tempDatabaseUrl() });
    expect(r.status, r.stderr).toBe(0);
    const [first, ...more] = r.json();
    expect(more).toHaveLength(0);
    expect(first).toMatchObject({ to: 'u1', state: null });
    expect(String(first!.text)).toContain('Xin chào');
    expect(first!.buttons).toEqual([
      { label: 'Hỏi đáp an toàn cho trẻ', payload: 'menu:ask' },
      { label: 'Báo tin xâm hại', payload: 'menu:report' },
      { label: 'Số điện thoại khẩn cấp', payload: 'menu:hotlines' },
      { label: 'Giới thiệu', payload: 'menu:about' },
    ]);
  });

  it('answers buttons and text in order, and reports a malformed line on stderr without stopping', () => {
    const script = [
      '{"from":"u2","text":"/start","at":"2026-11-25T02:00:00Z"}',
      'this is not json',
      '{"from":"u2","button":"menu:hotlines"}',
      '{"tick":"2026-11-25T02:15:00Z"}',
      '{"from":"u2","text":"/lang en"}',
    ].join('\n');
    const r = runCli(['chat', '--jsonl'], script + '\n', { DATABASE_URL: tempDatabaseUrl() });
    expect(r.status, r.stderr).toBe(0);
    // A tick may also deliver reminders to the demo officers; this story is about u2.
    const out = r.json().filter((o) => o.to === 'u2');
    expect(out).toHaveLength(3);
    expect(String(out[1]!.text)).toMatch(/111/);
    expect(String(out[2]!.text)).toBe('Switched to English.');
    expect(r.stderr).toContain('line 2');
  });

  it('refuses to start on a bad configuration, naming the variable', () => {
    const r = runCli(['chat', '--jsonl'], '', { DATABASE_URL: tempDatabaseUrl(), DATA_KEY: 'too-short' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATA_KEY');
    expect(r.stdout).toBe('');
  });
});
