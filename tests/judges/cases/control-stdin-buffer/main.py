import sys
a, b = map(int, sys.stdin.buffer.read().split())
sys.stdout.buffer.write(b"%d\n" % (a + b))
