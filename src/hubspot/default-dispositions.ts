/**
 * HubSpot's default call outcomes: the `hs_call_disposition` GUID of each and its label. They are the
 * same in every portal (HubSpot's calls guide lists them as the internal values to write; independent
 * integrations hard-code the same six), so calls logged with them are named without asking HubSpot.
 * Portals can add their own outcomes; only those need the label lookup (`dispositions.ts`).
 * Sources: docs/platform-contract.md, rows HW-7 and HW-8.
 */
export const DEFAULT_DISPOSITIONS: ReadonlyMap<string, string> = new Map([
  ['9d9162e7-6cf3-4944-bf63-4dff82258764', 'Busy'],
  ['f240bbac-87c9-4f6e-bf70-924b57d47db7', 'Connected'],
  ['a4c4c377-d246-4b32-a13b-75a56a4cd0ff', 'Left live message'],
  ['b2cf5968-551e-4856-9783-52b3da59a7d0', 'Left voicemail'],
  ['73a0d17f-1163-4015-bdd5-ec830791da20', 'No answer'],
  ['17b47fee-58de-441e-a44c-c6300d46f273', 'Wrong number'],
]);
