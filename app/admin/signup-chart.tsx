import styles from "./admin.module.css";

// Sign-ups per day as a bar chart drawn on the server: plain SVG in the HTML, so it shows
// without JavaScript and scales to the screen's width (viewBox). Screen readers get the
// same figures as a table (visually hidden) and a one-sentence summary.

const WIDTH = 600;
const HEIGHT = 200;
const TOP = 16;
const BOTTOM = 22;

export function SignupChart({ data }: { data: { day: string; count: number }[] }) {
  const total = data.reduce((n, d) => n + d.count, 0);
  const max = Math.max(1, ...data.map((d) => d.count));
  const busiest = data.reduce((a, b) => (b.count > a.count ? b : a), data[0]);
  const slot = WIDTH / data.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const summary = `${total} sign-up${total === 1 ? "" : "s"} in the last ${data.length} days${busiest && busiest.count > 0 ? `; the busiest day was ${busiest.day} with ${busiest.count}` : ""}.`;
  return (
    <figure>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Sign-ups per day. ${summary}`} data-testid="signup-chart">
        <line x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#8c959f" />
        <text x={2} y={12} fontSize={12} fill="#57606a">
          {max} / day
        </text>
        {data.map((d, i) => {
          const h = (d.count / max) * plot;
          return (
            <rect key={d.day} x={i * slot + slot * 0.1} y={HEIGHT - BOTTOM - h} width={slot * 0.8} height={h} fill="#0969da">
              <title>{`${d.day}: ${d.count}`}</title>
            </rect>
          );
        })}
        <text x={0} y={HEIGHT - 6} fontSize={12} fill="#57606a">
          {data[0]?.day}
        </text>
        <text x={WIDTH} y={HEIGHT - 6} fontSize={12} fill="#57606a" textAnchor="end">
          {data[data.length - 1]?.day}
        </text>
      </svg>
      <figcaption>{summary}</figcaption>
      <table className="visually-hidden">
        <caption>Sign-ups per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Sign-ups</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
