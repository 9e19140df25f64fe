# Disponibilité des mentors : le message privé mensuel à chaque mentor actif, ses trois
# réponses, et la pause quand personne n'a répondu à temps. $guild est le nom du serveur ;
# $by et $until sont des heures Unix (horodatages Discord).
availability-ask = Bonjour ! Es-tu toujours partant pour faire du mentorat sur **{ $guild }** ? Ta réponse décide seulement si tu reçois de nouveaux mentorés : tes binômes actuels continuent dans tous les cas, et personne n'est prévenu. Sans réponse d'ici le <t:{ $by }:F>, nous ne te confierons plus de nouveaux mentorés jusqu'à ce que tu appuies sur **Oui, je continue**.
availability-yes-button = Oui, je continue
availability-pause-button = Pause d'un mois
availability-step-back-button = Je me retire
availability-yes = Merci ! Tu restes disponible pour de nouveaux mentorés sur **{ $guild }**.
availability-back = Bon retour ! Tu es de nouveau disponible pour de nouveaux mentorés sur **{ $guild }**.
availability-paused = C'est noté : pas de nouveau mentoré sur **{ $guild }** jusqu'au <t:{ $until }:D>, puis tu reviens automatiquement. Tes binômes actuels continuent. Pour revenir plus tôt, appuie sur **Oui, je continue**.
availability-stepped-back = C'est noté : tu ne recevras plus de nouveaux mentorés sur **{ $guild }**. Tes binômes actuels continuent ; pour en terminer un, utilise `/pair end` dans son salon. Si tu changes d'avis, appuie sur **Oui, je continue**.
availability-unanswered = Nous n'avons pas eu de nouvelles, alors tu ne recevras pas de nouveaux mentorés sur **{ $guild }** pour l'instant. Tes binômes actuels continuent. Quand tu es prêt pour de nouveaux mentorés, appuie sur **Oui, je continue**.
availability-not-a-mentor = Tu n'es plus mentor sur ce serveur, il n'y a donc rien à changer. Pour redevenir mentor, utilise `/enrol mentor` là-bas.
availability-same = C'est déjà ta réponse. Pour la changer, appuie sur un autre bouton.
