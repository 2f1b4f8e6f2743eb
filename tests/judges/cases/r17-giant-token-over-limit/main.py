import sys
sys.stdout.write('9' * 70_000_000)
