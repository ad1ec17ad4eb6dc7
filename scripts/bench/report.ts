// The benchmark table, as printed and as pasted into the README.

export interface Row {
  measure: string;
  figure: string;
  baseline: string | null;
  /** Subject over baseline (throughput), when there is a baseline to divide by. */
  ratio: number | null;
  target: string;
  /** null: no target, or nothing measured. */
  met: boolean | null;
  note?: string;
}

const verdict = (met: boolean | null) => (met === null ? "–" : met ? "met" : "**missed**");

export function markdownTable(rows: Row[]): string {
  const lines = [
    "| Measure | Figure | Baseline (same run) | Ratio | Target | |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const ratio =
      r.ratio === null ? "–" : `${r.ratio >= 0.1 ? r.ratio.toFixed(2) : r.ratio.toPrecision(2)}×`;
    const figure = r.note ? `${r.figure} (${r.note})` : r.figure;
    lines.push(
      `| ${r.measure} | ${figure} | ${r.baseline ?? "–"} | ${ratio} | ${r.target} | ${verdict(r.met)} |`,
    );
  }
  return lines.join("\n");
}
