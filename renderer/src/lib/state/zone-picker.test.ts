import { describe, expect, it } from 'vitest';
import { ZonePicker } from './zone-picker.svelte';

const now = new Date('2026-01-10T12:00:00Z');
const picker = () => new ZonePicker(Intl.supportedValuesOf('timeZone'), 'Europe/Berlin', () => now);

describe('ZonePicker', () => {
  it('chooses the only match, a zone typed in full, or the one picked', () => {
    const p = picker();
    expect(p.chosen).toBeNull();
    expect(p.status).toMatch(/Type a city, a country or a zone/);
    p.query = 'new york';
    expect(p.chosen).toBe('America/New_York');
    expect(p.status).toBe('Chosen: America/New_York (UTC−5) – New York, United States.');
    p.query = 'asia/calcutta';
    expect(p.chosen).toBe('Asia/Kolkata');
    p.query = 'Germany';
    expect(p.chosen).toBeNull();
    expect(p.shown.map((m) => m.zone)).toEqual(['Europe/Berlin', 'Europe/Busingen']);
    p.pick('Europe/Berlin');
    expect(p.chosen).toBe('Europe/Berlin');
    p.query = 'germany ';
    expect(p.chosen).toBeNull();
  });

  it('finds India by its name, and says when nothing matches', () => {
    const p = picker();
    p.query = 'india';
    expect(p.shown[0]?.zone).toBe('Asia/Kolkata');
    expect(p.place(p.shown[0]!)).toBe('Kolkata, India');
    expect(p.withOffset('Asia/Kolkata')).toBe('Asia/Kolkata (UTC+5:30)');
    p.query = 'Atlantis';
    expect(p.matches).toEqual([]);
    expect(p.status).toMatch(/No time zone found for “Atlantis”/);
  });

  it('shows a dozen at most, the picked one always among them', () => {
    const p = picker();
    p.query = 'United States';
    expect(p.matches.length).toBeGreaterThan(12);
    expect(p.shown).toHaveLength(12);
    p.pick('America/Yakutat');
    expect(p.shown.map((m) => m.zone)).toContain('America/Yakutat');
    expect(p.status).toMatch(/^Chosen: America\/Yakutat/);
  });

  it('offers the laptop\'s zone', () => {
    expect(picker().laptopZone).toBe('Europe/Berlin');
  });
});
