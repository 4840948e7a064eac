"""The two library-wide indexes (speakers, bibliography) and the table they share."""
