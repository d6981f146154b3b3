export const percent = (share: number) => `${Math.round(share * 100)}%`;
export const formatPain = (pain: number) => (Number.isInteger(pain) ? String(pain) : pain.toFixed(1));
