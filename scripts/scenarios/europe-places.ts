/**
 * Places and parties of the default European network. Coordinates are the city centres (WGS 84);
 * `population` is the metropolitan population in millions and scales each city's demand.
 */
import type { ScenarioInput } from '../../src/core/model/types';

export interface Place {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
}

export interface CustomerPlace extends Place {
  readonly population: number;
  /** DC that normally serves the city (lane share 1); the second-nearest DC is a standby lane (share 0). */
  readonly primaryDc: string;
  readonly partyId: string;
}

export const PLANTS: readonly Place[] = [
  { id: 'plant-leipzig', name: 'Plant Leipzig', city: 'Leipzig', country: 'Germany', lat: 51.3397, lon: 12.3731 },
  { id: 'plant-wroclaw', name: 'Plant Wrocław', city: 'Wrocław', country: 'Poland', lat: 51.1079, lon: 17.0385 },
];

export const DCS: readonly Place[] = [
  { id: 'dc-lyon', name: 'DC Lyon', city: 'Lyon', country: 'France', lat: 45.764, lon: 4.8357 },
  { id: 'dc-venlo', name: 'DC Venlo', city: 'Venlo', country: 'Netherlands', lat: 51.3704, lon: 6.1724 },
  { id: 'dc-milan', name: 'DC Milan', city: 'Milan', country: 'Italy', lat: 45.4642, lon: 9.19 },
];

const RETAIL = 'eurohome';
const NORDIC = 'nordic-kitchen';

export const CUSTOMERS: readonly CustomerPlace[] = [
  { id: 'cust-paris', name: 'Paris', city: 'Paris', country: 'France', lat: 48.8566, lon: 2.3522, population: 12.3, primaryDc: 'dc-lyon', partyId: RETAIL },
  { id: 'cust-madrid', name: 'Madrid', city: 'Madrid', country: 'Spain', lat: 40.4168, lon: -3.7038, population: 6.8, primaryDc: 'dc-lyon', partyId: RETAIL },
  { id: 'cust-barcelona', name: 'Barcelona', city: 'Barcelona', country: 'Spain', lat: 41.3874, lon: 2.1686, population: 5.6, primaryDc: 'dc-lyon', partyId: RETAIL },
  { id: 'cust-london', name: 'London', city: 'London', country: 'United Kingdom', lat: 51.5074, lon: -0.1278, population: 14.3, primaryDc: 'dc-venlo', partyId: RETAIL },
  { id: 'cust-brussels', name: 'Brussels', city: 'Brussels', country: 'Belgium', lat: 50.8503, lon: 4.3517, population: 2.1, primaryDc: 'dc-venlo', partyId: RETAIL },
  { id: 'cust-stockholm', name: 'Stockholm', city: 'Stockholm', country: 'Sweden', lat: 59.3293, lon: 18.0686, population: 2.4, primaryDc: 'dc-venlo', partyId: NORDIC },
  { id: 'cust-warsaw', name: 'Warsaw', city: 'Warsaw', country: 'Poland', lat: 52.2297, lon: 21.0122, population: 3.1, primaryDc: 'dc-venlo', partyId: RETAIL },
  { id: 'cust-munich', name: 'Munich', city: 'Munich', country: 'Germany', lat: 48.1351, lon: 11.582, population: 2.9, primaryDc: 'dc-milan', partyId: RETAIL },
  { id: 'cust-vienna', name: 'Vienna', city: 'Vienna', country: 'Austria', lat: 48.2082, lon: 16.3738, population: 2.9, primaryDc: 'dc-milan', partyId: RETAIL },
  { id: 'cust-rome', name: 'Rome', city: 'Rome', country: 'Italy', lat: 41.9028, lon: 12.4964, population: 4.3, primaryDc: 'dc-milan', partyId: RETAIL },
];

/** Share of each DC's replenishment orders placed on each plant (rows sum to 1; 0 = standby lane). */
export const PLANT_SHARES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'dc-lyon': { 'plant-leipzig': 1, 'plant-wroclaw': 0 },
  'dc-venlo': { 'plant-leipzig': 0.5, 'plant-wroclaw': 0.5 },
  'dc-milan': { 'plant-leipzig': 0.4, 'plant-wroclaw': 0.6 },
};

export const MANUFACTURER = 'brewline';

export const PARTIES: NonNullable<ScenarioInput['parties']> = [
  // 2/10 net 45: the manufacturer's terms to the retailers buying from its DCs.
  { id: MANUFACTURER, name: 'Brewline Appliances SE', initialCash: 5_000_000, paymentTermDays: 45, earlyPaymentDiscount: 0.02, earlyPaymentDays: 10 },
  { id: RETAIL, name: 'EuroHome Retail Group', initialCash: 2_000_000, paymentTermDays: 30 },
  // Paid in two instalments, half at 30 and half at 60 days.
  { id: NORDIC, name: 'Nordic Kitchen AB', initialCash: 300_000, paymentTermDays: 60, instalments: [{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }] },
];
