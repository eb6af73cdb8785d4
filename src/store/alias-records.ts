/** A user's own name for a division (a renamed county, 撤县设区), stored and backed up. */
export interface RegionAliasRecord {
  /** The name as files write it. */
  alias: string;
  /** The 6-digit division code it means. */
  code: string;
}
