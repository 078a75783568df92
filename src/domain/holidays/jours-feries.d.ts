// @socialgouv/jours-feries ships no types: a name → local-midnight Date map for one year.
declare module '@socialgouv/jours-feries' {
  export default function getJoursFeries(
    year: number,
    opts?: { alsace?: boolean },
  ): Record<string, Date>;
}
