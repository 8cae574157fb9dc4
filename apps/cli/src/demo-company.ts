// A made-up company for the demo: names, departments and a reporting tree, as an HR export.

const FIRST = [
  'Claire',
  'Paul',
  'Zoé',
  'Éloïse',
  'Lina',
  'Hugo',
  'Sam',
  'Inès',
  'Marc',
  'Aya',
  'Noah',
  'Léa',
  'Omar',
  'Julie',
  'Tom',
  'Chloé',
  'Yanis',
  'Emma',
  'Louis',
  'Nora',
];
const LAST = [
  'Martin',
  'Roy',
  'Bernard',
  'Durand',
  'Haddad',
  'Petit',
  'Taylor',
  'Moreau',
  'Lefèvre',
  'Garcia',
  'Nguyen',
  'Faure',
  'Benali',
  'Rousseau',
  'Blanc',
];
const DEPARTMENTS = ['Operations', 'Sales', 'R&D', 'Finance', 'Supply chain', 'Customer care'];

export const demoId = (i: number) => `D${String(i).padStart(4, '0')}`;

/**
 * A company of `size` people (at least 120): a CEO (D0000), 6 directors, 30 experienced managers
 * (half of them in the mentor pool), 60 first-line managers and individual contributors.
 */
export function demoCompanyCsv(size = 320): string {
  const lines = [
    'employee_id,name,email,department,manager_id,job_level,management_years,team_size,languages,location,time_zone,hire_date,status,mentor_pool',
  ];
  for (let i = 0; i < size; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const dept = DEPARTMENTS[i % DEPARTMENTS.length];
    const [manager, level, years, pool] =
      i === 0
        ? ['', 'M3', 25, 'no']
        : i <= 6
          ? [demoId(0), 'M3', 18, 'no']
          : i <= 36
            ? [demoId(1 + (i % 6)), 'M2', 8 + (i % 12), i % 2 ? 'yes' : 'no']
            : i <= 96
              ? [demoId(7 + (i % 30)), 'M1', 1 + (i % 3), 'no']
              : [demoId(37 + (i % 60)), 'IC', 0, 'no'];
    const languages = i % 3 === 0 ? 'en|fr' : 'fr|en';
    lines.push(
      [
        demoId(i),
        `"${name}"`,
        `${demoId(i).toLowerCase()}@demo.example`,
        `"${dept}"`,
        manager,
        level,
        years,
        level === 'IC' ? 0 : 6,
        languages,
        'Lyon',
        'Europe/Paris',
        `20${String(10 + (i % 14)).padStart(2, '0')}-03-01`,
        'active',
        pool,
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
