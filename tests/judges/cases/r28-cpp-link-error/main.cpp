int f(){ return 3; }
