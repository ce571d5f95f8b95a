"""Team mode on PostgreSQL: who may do what (roles and grants), and the people on the team.

The rules live in the server itself, as database roles and grants, so that they hold for
anyone who connects, through the app or with psql; the app only reads them to hide what a
person may not do and say why.
"""
