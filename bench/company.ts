/** A synthetic company for benchmarks: a reporting tree of `size` people with realistic fields. */
export function companyCsv(size: number, seed = 42): string {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const departments = ['Opérations', 'Sales', 'R&D', 'Finance', 'Supply chain', 'Customer care', 'HR', 'IT'];
  const zones = ['Europe/Paris', 'Europe/London', 'America/New_York', 'Asia/Singapore', 'Europe/Lisbon'];
  const lines = [
    'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
  ];
  for (let i = 0; i < size; i++) {
    // Each person reports to someone earlier: about 1 manager for 8 people.
    const manager = i === 0 ? '' : `E${String(Math.floor((i - 1) / 8)).padStart(6, '0')}`;
    const isManager = i * 8 + 1 < size;
    const level = i < 9 ? 'M3' : isManager ? (i < 200 ? 'M2' : 'M1') : 'IC';
    const dept = departments[Math.floor(random() * departments.length)];
    const year = 1995 + Math.floor(random() * 31);
    lines.push(
      [
        `E${String(i).padStart(6, '0')}`,
        `"Employé ${i}, ${dept}"`,
        `e${i}@example.com`,
        `"${dept}"`,
        manager,
        level,
        isManager ? Math.floor(random() * 20) : 0,
        isManager ? 8 : 0,
        random() < 0.5 ? 'fr|en' : 'en',
        'Lyon',
        zones[Math.floor(random() * zones.length)],
        `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        'active',
        isManager && level !== 'M1' ? 'yes' : random() < 0.1 && isManager ? 'yes' : 'no',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
