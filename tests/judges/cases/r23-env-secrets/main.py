import os

PATTERNS = ('SECRET', 'TOKEN', 'PASSWORD', 'PASSWD', 'CREDENTIAL', 'API_KEY', 'APIKEY', 'ACCESS_KEY',
            'PRIVATE', 'AUTH', 'AWS_', 'GITHUB', 'OPENAI', 'ANTHROPIC', 'HF_', 'HUGGING', 'SSH_', 'GOOGLE',
            'AZURE', 'DOCKER', 'KUBE', 'PROXY')
hits = sorted(k for k in os.environ if any(p in k.upper() for p in PATTERNS))
print('found' if hits else 'nothing')
