"""Qt-free operations that both front ends (the window and the command line) share."""
