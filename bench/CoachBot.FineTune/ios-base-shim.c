void _ZSt21ios_base_library_initv(void) {}
