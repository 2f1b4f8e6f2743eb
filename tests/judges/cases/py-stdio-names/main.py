import sys

streams = (sys.stdin, sys.stdout, sys.stderr)
print(*(s.name for s in streams), *(s.line_buffering for s in streams))
