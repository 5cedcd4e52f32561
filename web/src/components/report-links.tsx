// report downloads (html, md, pdf) built by the server from the same code as `guarantor report`
import { enc } from '../api';

export function ReportLinks({ ids }: { ids: string[] }) {
  const q = enc(ids.join(','));
  const name = ids.length === 1 ? ids[0] : 'comparison';
  return (
    <div className="downloads report-links">
      <span>Report:</span>
      {(['html', 'md', 'pdf'] as const).map((f) => (
        <a key={f} className="button" href={`/api/report?ids=${q}&format=${f}`} download={`${name}.${f}`}>
          {f.toUpperCase()}
          <span className="sr-only"> report of {ids.join(', ')}</span>
        </a>
      ))}
    </div>
  );
}
