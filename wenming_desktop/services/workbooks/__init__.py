"""Reading workbooks from outside (HR rosters, resident lists, registry exports): the guard
in front of the reader, the fast sheet scan and the tolerant row reader."""
