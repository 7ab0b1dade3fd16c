// Server cost as Linux reports it: CPU time (utime + stime, in clock ticks of 1/100 s) and
// resident memory (VmRSS) of a process and all its descendants, so a server started through
// a shell or npm is still measured whole.
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = 100;

const readStat = (pid) => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
};

const readRssBytes = (pid) => {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

/** The pid and every live descendant of it. */
export const processTree = (root) => {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(name));
    children.set(stat.ppid, list);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
};

/**
 * CPU seconds used so far and resident bytes now, summed over the tree of `pid`.
 * @param {number} pid @param {number[]} [tree] a tree found earlier (re-scanning /proc costs)
 */
export const sampleProcess = (pid, tree = processTree(pid)) => {
  let ticks = 0;
  let rssBytes = 0;
  for (const p of tree) {
    const stat = readStat(p);
    if (!stat) continue;
    ticks += stat.ticks;
    rssBytes += readRssBytes(p);
  }
  return { cpuSeconds: ticks / CLK_TCK, rssBytes };
};

/** The soft limit on open files of a process (`ulimit -n`), or null when unreadable. */
export const openFileLimit = (pid = 'self') => {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(`/proc/${pid}/limits`, 'latin1'));
    if (!match) return null;
    return match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return null;
  }
};
