// the editor's starting point for a new scenario: small, valid, and meant to be edited (pifer-2022 is a shipped source)
export const MINIMAL_TEMPLATE = `id: my-scenario
title: My scenario
summary: >-
  One standing commitment to supply arms and train Ukraine's army, as a starting point to edit.
systems: [S12]
category: user
status: draft
asOf: 2026-01
context:
  protectedState: UKR
  aggressor: RUS
  horizonYears: 10
constraints: {}
instruments:
  - id: arms-and-training
    title: Arms supply and training pledge
    guarantors: [GBR, FRA, DEU]
    obligations: [supply-arms, training]
    strength: supply
    automaticity: discretionary
    trigger:
      timing: standing
      threshold: none
      domains: [land, air]
    legal: { form: political-declaration, ratification: none, status: proposed }
    duration: { years: 10, renewal: by-agreement }
    decision: { rule: each-guarantor }
    sources: [pifer-2022]
    evidence: unverified
sources: [pifer-2022]
`;
