open('/tmp/alphasolve_escape_probe', 'w').write('escaped\n')
print(3)
