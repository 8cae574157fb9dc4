export const ROLES = ['owner', 'sponsor', 'supervisor', 'mentor', 'mentee', 'hr-admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Who asks for a decision: a person of the directory acting with the roles of their token. */
export interface Actor {
  personId: string;
  roles: Role[];
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
