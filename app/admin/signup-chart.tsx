import { getTranslations } from "next-intl/server";
import styles from "./admin.module.css";

// Sign-ups per day as a bar chart drawn on the server: plain SVG in the HTML, so it shows
// without JavaScript. The bars stretch to the width at a fixed height; the labels are HTML
// text beside them, so they stay readable on a phone instead of shrinking with the
// drawing. Screen readers get the same figures as a table (visually hidden) and a
// one-sentence summary.

const WIDTH = 600;
const HEIGHT = 200;
const TOP = 4;
const BOTTOM = 1;

export async function SignupChart({ data }: { data: { day: string; count: number }[] }) {
  const total = data.reduce((n, d) => n + d.count, 0);
  const max = Math.max(1, ...data.map((d) => d.count));
  const busiest = data.reduce((a, b) => (b.count > a.count ? b : a), data[0]);
  const slot = WIDTH / data.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const t = await getTranslations("admin");
  const summary =
    busiest && busiest.count > 0
      ? t("chartSummaryBusiest", { total, days: data.length, day: busiest.day, most: busiest.count })
      : t("chartSummary", { total, days: data.length });
  return (
    <figure>
      <p className={styles.chartScale} aria-hidden="true">
        {t("chartMost", { max })}
      </p>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={t("chartLabel", { summary })} data-testid="signup-chart">
        <line x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#8c959f" />
        {data.map((d, i) => {
          const h = (d.count / max) * plot;
          return (
            <rect key={d.day} x={i * slot + slot * 0.1} y={HEIGHT - BOTTOM - h} width={slot * 0.8} height={h} fill="#0969da">
              <title>{`${d.day}: ${d.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <p className={styles.chartAxis} aria-hidden="true">
        <span>{data[0]?.day}</span>
        <span>{data[data.length - 1]?.day}</span>
      </p>
      <figcaption>{summary}</figcaption>
      <table className="visually-hidden">
        <caption>{t("signupsPerDay")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chartDay")}</th>
            <th scope="col">{t("chartSignups")}</th>
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
