import os

NAME = 'alphasolve_escape_probe'
targets = ['/tmp/' + NAME, '/var/tmp/' + NAME, '/dev/shm/' + NAME, os.path.expanduser('~/' + NAME),
           '/root/' + NAME, '../' + NAME, '../../' + NAME]
for t in targets:
    try:
        with open(t, 'a') as f:
            f.write('escaped\n')
    except OSError:
        pass
print(3)
