// which kinds of threat are answered: land, air, sea, cyber, hybrid

import { ALL_DOMAINS, coveredDomains } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

export const coverageGaps: Rule = {
  id: 'coverage.gaps',
  dimension: 'coverage',
  description: 'Conventional domains (land, air, sea, cyber) no substantive instrument answers.',
  run: ({ scenario: s }) => {
    const covered = coveredDomains(s);
    const gaps = ALL_DOMAINS.filter((d) => d !== 'hybrid' && !covered.has(d));
    if (gaps.length === 0) return [];
    return [
      finding(
        coverageGaps,
        'warning',
        `Uncovered: ${list(gaps)}`,
        `No instrument of at least supply strength answers attacks by ${list(gaps)}. The CSIS elements quoted in the Alaska analysis span air defence, Black Sea shipping, and intelligence, communications and cyber as well as ground forces; Kuleba asks for closed skies, cyber defence and Black Sea patrols.`,
        ['alaska-analysis-2025', 'kuleba-2025'],
      ),
    ];
  },
};

export const hybridUncovered: Rule = {
  id: 'coverage.hybrid',
  dimension: 'coverage',
  description: 'Hybrid threats (interference, terrorism, sabotage, provocations) left unanswered.',
  run: ({ scenario: s }) =>
    coveredDomains(s).has('hybrid')
      ? []
      : [
          finding(
            hybridUncovered,
            'info',
            'Hybrid threats remain',
            'Nothing answers interference, terrorism, cyberattacks or provocations short of war. Bondarev argues the Kremlin will keep using them whatever force is deployed.',
            ['bondarev-2025'],
          ),
        ],
};

export const fullCoverage: Rule = {
  id: 'coverage.full',
  dimension: 'coverage',
  description: 'Land, air, sea and cyber are all answered.',
  run: ({ scenario: s }) => {
    const covered = coveredDomains(s);
    return ALL_DOMAINS.filter((d) => d !== 'hybrid').every((d) => covered.has(d))
      ? [
          finding(
            fullCoverage,
            'strength',
            'All conventional domains covered',
            'Land, air, sea and cyber each have an instrument of at least supply strength, as the CSIS elements and Kuleba’s package require.',
            ['alaska-analysis-2025', 'kuleba-2025'],
          ),
        ]
      : [];
  },
};

export const coverageRules = [coverageGaps, hybridUncovered, fullCoverage];
