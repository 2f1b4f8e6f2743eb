#include <bits/stdc++.h>
#include <unistd.h>
static char a[1u<<31];
int main(){ int i=0; if(scanf("%d",&i)!=1) i=0; a[i]='o'; printf("%c%c\n", a[i], 'k'); }
