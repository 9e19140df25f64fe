help-title = tandem : le mentorat sur ce serveur
help-intro = tandem forme des binômes de mentors et de mentorés, et donne à chaque binôme un salon privé. Il fait régulièrement le point avec les binômes et tient les modérateurs au courant de la marche du programme.
help-for-everyone = Les commandes que tu peux utiliser
help-for-moderators = Pour les modérateurs
help-for-admins = Pour les admins
help-continued = Autres commandes
help-not-set-up = Ce serveur n'est pas encore configuré. Commence par `/setup` pour choisir le salon du récapitulatif, le rôle des modérateurs, la catégorie des binômes et le fuseau horaire.
help-not-set-up-member = Le programme n'est pas encore configuré sur ce serveur. Un admin doit d'abord lancer `/setup`.
