import os

own = open('/proc/self/environ', 'rb').read()
found = False
for pid in {1, os.getppid()}:
    if pid <= 0 or pid == os.getpid():
        continue
    try:
        with open(f'/proc/{pid}/environ', 'rb') as f:
            env = f.read()
    except OSError:
        continue
    if env and env != own:
        found = True
print('found' if found else 'nothing')
