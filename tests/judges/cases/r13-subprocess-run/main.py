import subprocess
r = subprocess.run(['/bin/echo', 'spawned'], capture_output=True)
print(r.stdout.decode().strip())
