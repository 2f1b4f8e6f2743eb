import os
import sys

sys.stdout.write('3\n')
sys.stdout.flush()
os.close(1)
os.close(2)
while True:
    pass
