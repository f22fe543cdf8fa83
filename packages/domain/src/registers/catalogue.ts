import type { RegisterDefinition } from './definition.ts';
import { BASE_STATION_REGISTER } from './network/base-station.ts';
import { GIGABIT_INDICATOR_REGISTER } from './network/gigabit-indicator.ts';
import { KEY_PLACE_REGISTER } from './network/key-place.ts';
import { OBSTACLE_REGISTER } from './network/obstacle.ts';
import { POLICY_REGISTER } from './policies/policy.ts';

/** Every register, in menu order. A new register is declared in its folder and listed here. */
export const REGISTERS: readonly RegisterDefinition[] = [
  POLICY_REGISTER,
  // network: key places before the base stations that serve them
  KEY_PLACE_REGISTER,
  BASE_STATION_REGISTER,
  GIGABIT_INDICATOR_REGISTER,
  OBSTACLE_REGISTER,
];

export const registerByKey = (key: string): RegisterDefinition | undefined => REGISTERS.find((r) => r.key === key);
