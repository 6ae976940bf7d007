"""Prints the CPU ticks of a process, and of a PostgreSQL postmaster with its backends (live and reaped)."""
import os
import sys


def ticks(pid, children=False):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read()
    except OSError:
        return 0
    parts = fields[fields.rindex(")") + 2:].split()
    used = int(parts[11]) + int(parts[12])
    if children:
        used += int(parts[13]) + int(parts[14])
    return used


server, postmaster = int(sys.argv[1]), int(sys.argv[2])
postgres = ticks(postmaster, children=True)
for entry in os.listdir("/proc"):
    if entry.isdigit():
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read()
        except OSError:
            continue
        if int(fields[fields.rindex(")") + 2:].split()[1]) == postmaster:
            postgres += ticks(int(entry))
print(ticks(server), postgres)
