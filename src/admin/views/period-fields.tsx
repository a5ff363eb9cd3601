// The date range, and for national staff the province, that the Báo cáo and statistics filters share.
import { adminText as t } from '../messages';

export function PeriodFields(p: {
  /** Prefix of the fields' ids, unique on the page ("r", "s"). */
  id: string;
  from: string;
  to: string;
  /** Both dates must be given (the annex needs a whole period). */
  required?: boolean;
  province: string;
  provinces: Array<{ code: string; name: string }>;
  national: boolean;
}) {
  return (
    <>
      <div>
        <label for={`${p.id}-from`}>{t.reports.from}</label>
        <input id={`${p.id}-from`} name="from" type="date" value={p.from} required={p.required || undefined} />
      </div>
      <div>
        <label for={`${p.id}-to`}>{t.reports.to}</label>
        <input id={`${p.id}-to`} name="to" type="date" value={p.to} required={p.required || undefined} />
      </div>
      {p.national ? (
        <div>
          <label for={`${p.id}-province`}>{t.reports.province}</label>
          <select id={`${p.id}-province`} name="province">
            <option value="">{t.reports.wholeCountry}</option>
            {p.provinces.map((pr) => (
              <option value={pr.code} selected={p.province === pr.code}>
                {pr.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}
