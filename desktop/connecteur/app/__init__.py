"""Operations both front ends share, with no Qt and no SQL: where an item is (a typed
``Place``), what a page of the reading pane holds, what to print and how a print plan
becomes a handout request, annotation and citation exchange. The window (``ui``) and the
command line (``cli``) call these, so each behaviour exists once."""
