// The demo officer a web chat visitor can switch to: an officer of phường Ba Đình (00004) on the web channel.
export const WEB_DEMO_OFFICER = {
  channel: 'web',
  channelUserId: 'demo-officer-ba-dinh',
  communeCode: '00004',
  provinceCode: '01',
  name: 'Cán bộ BVTE phường Ba Đình (demo, trên web)',
  role: 'officer',
} as const;
