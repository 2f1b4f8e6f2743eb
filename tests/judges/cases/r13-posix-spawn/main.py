import os
pid = os.posix_spawn('/bin/echo', ['echo', 'spawned'], dict(os.environ))
os.waitpid(pid, 0)
