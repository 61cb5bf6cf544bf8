// Generated strategies of realistic text lengths for the benchmarks, in
// format version 1 (bench.mjs converts them with the CLI where it needs the
// current format).

/** An indicator of the generated strategies. */
function indicator(id, i, r) {
  return {
    id,
    name: `Rādītājs ${i + 1}: novēršamās personāla mainības līmenis nepārsniedz 11 % gadā`,
    key: i === 0,
    unit: '%',
    targets: [2024, 2025, 2026, 2027].map((year) => ({ year, text: '≤ 11 %', conditions: [{ op: 'at_most', value: 11 }] })),
    actuals: [2024, 2025].map((year) => ({ period: { year, half: null }, value: 8 + ((i + r + year) % 6) })),
  };
}

/** A strategy `id` of `n` indicators (a multiple of 10): 10 per result, 5 results per goal, 5 goals per priority. */
export function strategyOf(n, id) {
  let k = 0;
  const next = (p) => `${p}${++k}`;
  const results = n / 10;
  const goals = Math.ceil(results / 5);
  const priorities = Math.ceil(goals / 5);
  let r = 0;
  let g = 0;
  const list = [];
  for (let p = 0; p < priorities && g < goals; p++) {
    const pg = [];
    for (let j = 0; j < 5 && g < goals; j++, g++) {
      const gr = [];
      for (let q = 0; q < 5 && r < results; q++, r++) {
        gr.push({ id: next('r'), title: `Rezultāts ${r + 1}: samazinās vai paliek nemainīgs mainības līmenis*`, indicators: Array.from({ length: 10 }, (_, i) => indicator(next('i'), i, r)) });
      }
      pg.push({ id: next('g'), title: `Mērķis ${g + 1}: pilnveidot iekšējo procesu efektivitāti`, results: gr });
    }
    list.push({ id: next('p'), title: `Prioritāte ${p + 1}: cilvēkresursu attīstība un pārvaldība`, goals: pg });
  }
  return { format: 'strategy-studio', version: 1, strategy: { id, title: `Strategy of ${n} indicators`, period: { start_year: 2024, end_year: 2027 }, mission: 'Misija', vision: 'Vīzija', priorities: list } };
}

/** The strategy of the goal-map budget: 12 priorities, 60 goals, 300 results, 900 indicators. */
export function bigStrategy() {
  let n = 0;
  const id = (p) => `${p}${++n}`;
  const priorities = Array.from({ length: 12 }, (_, p) => ({
    id: id('p'),
    title: `Prioritāte ${p + 1}: cilvēkresursu attīstība un pārvaldība`,
    goals: Array.from({ length: 5 }, (_, g) => ({
      id: id('g'),
      title: `Mērķis ${p * 5 + g + 1}: pilnveidot iekšējo procesu efektivitāti`,
      results: Array.from({ length: 5 }, (_, r) => ({
        id: id('r'),
        title: `Rezultāts ${r + 1}: samazinās vai paliek nemainīgs mainības līmenis*`,
        indicators: Array.from({ length: 3 }, (_, i) => indicator(id('i'), i, r)),
      })),
    })),
  }));
  return { format: 'strategy-studio', version: 1, strategy: { id: 'bench', title: 'Benchmark strategy', period: { start_year: 2024, end_year: 2027 }, mission: 'Misija', vision: 'Vīzija', priorities } };
}
