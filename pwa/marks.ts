// Performance marks the app sets for bench/ (and for whoever profiles it).

/** "Min dag" (or the team's day) is on screen with its visits and names. */
export const DAY_VISIBLE_MARK = 'slinga:day-visible';

/** Resolves when the day is on screen, or after `timeoutMs`, whichever is first. */
export function afterDayVisible(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (performance.getEntriesByName(DAY_VISIBLE_MARK).length > 0) return done();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(DAY_VISIBLE_MARK).length === 0) return;
      observer.disconnect();
      done();
    });
    observer.observe({ type: 'mark' });
  });
}
