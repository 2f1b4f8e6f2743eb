import sys
sys.stdout.write('1\n' * 20_000_000)
