/** HubSpot's default call outcomes (`hs_call_disposition` GUIDs), as `GET /calling/v1/dispositions` lists them. */
export interface Disposition {
  readonly id: string;
  readonly label: string;
}

export const DEFAULT_DISPOSITIONS: readonly Disposition[] = [
  { id: '9d9162e7-6cf3-4944-bf63-4dff82258764', label: 'Busy' },
  { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' },
  { id: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff', label: 'Left live message' },
  { id: 'b2cf5968-551e-4856-9783-52b3da59a7d0', label: 'Left voicemail' },
  { id: '73a0d17f-1163-4015-bdd5-ec830791da20', label: 'No answer' },
  { id: '17b47fee-58de-441e-a44c-c6300d46f273', label: 'Wrong number' },
];

/** Accepts a GUID or a label (case-insensitive) and returns the GUID; unknown labels are returned as given. */
export function dispositionId(dispositions: readonly Disposition[], idOrLabel: string): string {
  const byLabel = dispositions.find((d) => d.label.toLowerCase() === idOrLabel.toLowerCase());
  return byLabel ? byLabel.id : idOrLabel;
}
