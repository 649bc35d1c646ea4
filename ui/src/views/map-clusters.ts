/** Clustering of map points in screen space: points closer than a cell merge into one circle. */
import { geoDistance } from 'd3-geo';

/** A point of the map on screen, with what it counts. */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
}

/** Points drawn as one circle: at their weighted centre, with their sums and members. */
export interface Cluster {
  readonly x: number;
  readonly y: number;
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
  readonly members: readonly ScreenPoint[];
}

/**
 * Groups points by a grid of `cell` pixels, then merges neighbouring groups whose centres are closer than a
 * cell, so that dense places (a capital and its suburbs) read as one circle at any zoom.
 */
export function clusterPoints(points: readonly ScreenPoint[], cell: number): Cluster[] {
  const cells = new Map<string, ScreenPoint[]>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`;
    const list = cells.get(key);
    if (list) list.push(p);
    else cells.set(key, [p]);
  }
  // Note: a grid cuts neighbours apart at its lines; merging close centres again (biggest first) joins them.
  const byEvents = [...cells.values()].map(clusterOf).sort((a, b) => b.events - a.events);
  const merged: Cluster[] = [];
  for (const c of byEvents) {
    const near = merged.findIndex((m) => Math.hypot(m.x - c.x, m.y - c.y) < cell);
    if (near >= 0) merged[near] = clusterOf([...merged[near]!.members, ...c.members]);
    else merged.push(c);
  }
  return merged;
}

function clusterOf(members: readonly ScreenPoint[]): Cluster {
  const events = members.reduce((n, p) => n + p.events, 0);
  const weight = (p: ScreenPoint): number => (events > 0 ? p.events / events : 1 / members.length);
  return {
    x: members.reduce((s, p) => s + p.x * weight(p), 0),
    y: members.reduce((s, p) => s + p.y * weight(p), 0),
    events,
    cooperation: members.reduce((n, p) => n + p.cooperation, 0),
    conflict: members.reduce((n, p) => n + p.conflict, 0),
    members,
  };
}

/** The radius in km around a cluster's centre point that holds every member (1 km at least). */
export function clusterRadiusKm(centre: { lat: number; lon: number }, members: readonly { lat: number; lon: number }[]): number {
  // Note: great-circle distances (d3-geo's, in radians); the API's own test is equirectangular, which the margin covers.
  const km = members.map((m) => EARTH_KM * geoDistance([centre.lon, centre.lat], [m.lon, m.lat]));
  return Math.ceil(Math.max(0, ...km) * 1.05) + 1;
}

const EARTH_KM = 6371;
