import type { DoorView } from '../../../../shared/domain/door';
import { floorSchema, unitSchema, type DoorGroup } from '../../../../shared/domain/door-placement';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/** The group select's value: a group, or '' for "not said". */
export type GroupChoice = DoorGroup | '';

function problemOf(schema: typeof floorSchema, text: string): string | null {
  if (text.trim() === '') return null; // empty = not said
  const parsed = schema.safeParse(text);
  if (parsed.success) return null;
  const message = parsed.error.issues[0]?.message ?? 'is not plain text';
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Where one door sits in the building (`doors.place`): floor, group and unit, each optional (empty = not said). The
 * form opens with the door's values; what is typed is judged on screen with the contract's schemas and kept when
 * main refuses it.
 */
export class DoorPlacement {
  isEditing = $state(false);
  floor = $state('');
  group = $state<GroupChoice>('');
  unit = $state('');
  isSaving = $state(false);
  error = $state<AppError | null>(null);
  /** The form just closed after a save (its "Change" button takes the focus back and says it was saved). */
  justSaved = $state(false);

  readonly floorProblem = $derived(problemOf(floorSchema, this.floor));
  readonly unitProblem = $derived(problemOf(unitSchema, this.unit));
  readonly canSave = $derived(this.isEditing && !this.isSaving && this.floorProblem === null && this.unitProblem === null);

  constructor(
    private readonly bridge: RendererBridge,
    private readonly door: () => Pick<DoorView, 'id' | 'floor' | 'group' | 'unit'>,
    private readonly onPlaced: (door: DoorView) => void = () => {},
  ) {}

  /** Opens the form with the door's place as it is now. */
  edit(): void {
    const door = this.door();
    this.floor = door.floor ?? '';
    this.group = door.group ?? '';
    this.unit = door.unit ?? '';
    this.error = null;
    this.justSaved = false;
    this.isEditing = true;
  }

  /** Closes the form; nothing is sent. */
  cancel(): void {
    this.isEditing = false;
    this.error = null;
  }

  /** Sends the place (empty parts as null); closes on success, keeps everything typed on a refusal. */
  async save(): Promise<boolean> {
    if (!this.canSave) return false;
    this.isSaving = true;
    this.error = null;
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    const result = await this.bridge.request('doors.place', {
      doorId: this.door().id,
      floor: text(this.floor),
      group: this.group === '' ? null : this.group,
      unit: text(this.unit),
    });
    this.isSaving = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.onPlaced(result.value);
    this.isEditing = false;
    this.justSaved = true;
    return true;
  }
}
