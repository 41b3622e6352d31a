/** The middle value of the runs (the upper middle for an even count): the figure the bench reports. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
