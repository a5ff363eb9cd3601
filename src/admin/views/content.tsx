// Content review: each guide's review state, its sources and the claims still unverified. Parents
// never see the review state (answers show one source line); it lives in the data and here.
import type { Guide } from '../../knowledge';
import type { AdminUser } from '../auth';
import { Layout } from './layout';

export const contentText = {
  title: 'Nội dung hướng dẫn',
  nav: 'Nội dung',
  help: 'Trạng thái thẩm định của từng bài hướng dẫn. Người dân không thấy phần này: câu trả lời chỉ ghi một dòng nguồn.',
  guide: 'Bài',
  review: 'Thẩm định',
  reviewed: 'Đã thẩm định',
  awaiting: 'Chờ chuyên gia thẩm định',
  sources: 'Nguồn',
  unverified: 'Chưa xác minh (không đưa vào câu trả lời)',
  none: '—',
  summary: '{reviewed}/{total} bài đã thẩm định.',
} as const;

export function ContentPage(props: { user: AdminUser; guides: Guide[] }) {
  const t = contentText;
  const reviewed = props.guides.filter((g) => g.reviewed).length;
  return (
    <Layout user={props.user} section="content" title={t.title}>
      <h1>{t.title}</h1>
      <p class="help">{t.help}</p>
      <p>{t.summary.replace('{reviewed}', String(reviewed)).replace('{total}', String(props.guides.length))}</p>
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">{t.guide}</th>
            <th scope="col">{t.review}</th>
            <th scope="col">{t.sources}</th>
            <th scope="col">{t.unverified}</th>
          </tr>
        </thead>
        <tbody>
          {props.guides.map((g) => (
            <tr>
              <td data-label={t.guide}>
                {g.title} <span class="small">({g.slug})</span>
              </td>
              <td data-label={t.review}>{g.reviewed ? t.reviewed : t.awaiting}</td>
              <td data-label={t.sources}>{g.sources.length}</td>
              <td data-label={t.unverified}>
                {g.unverified.length ? (
                  <ul>
                    {g.unverified.map((u) => (
                      <li>
                        {u.claim} <span class="small">{u.note}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t.none
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
