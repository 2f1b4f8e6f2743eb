s = open('/etc/shadow').read()
print('found' if ':' in s else 'nothing')
