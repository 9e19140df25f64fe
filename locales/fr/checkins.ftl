checkins-mood-1 = 1 – ça ne va pas
checkins-mood-2 = 2 – bof
checkins-mood-3 = 3 – ça va
checkins-mood-4 = 4 – bien
checkins-mood-5 = 5 – super
checkins-answer-button = Répondre
# The line under a prompt that lists who has answered, e.g. "Answered: @Ana ✓".
checkins-answered = **Réponses reçues :**
checkins-no-goals = Pas encore d'objectif : ajoutez le premier avec `/goal add`.
checkins-goal = #{ $number } { $title }
checkins-goal-due = #{ $number } { $title } (pour le { $due })
checkins-open-goals =
    { $more ->
        [0] Objectifs en cours : { $goals }.
        [one] Objectifs en cours : { $goals } et { $more } autre.
       *[other] Objectifs en cours : { $goals } et { $more } autres.
    }
# $members: the pair's mentions joined with "and"; $until: a Unix time for a Discord timestamp.
checkins-prompt = **C'est l'heure du point d'étape**, { $members } ! Comment ça se passe ?
    Choisissez votre humeur, puis appuyez sur **Répondre** pour dire ce qui a avancé, ce qui bloque et la suite. { $goals }
    À rendre <t:{ $until }:R>, mais les réponses en retard comptent aussi.
checkins-reminder =
    { $members }, petit rappel en douceur. Le point d'étape de cette semaine vous attend toujours : { $link }
    Ça prend une minute, et les réponses en retard comptent aussi.
checkins-modal-title = Ton point d'étape
checkins-progress = Quels progrès depuis la dernière fois ?
checkins-progress-empty = Écris quelques mots sur ce qui a avancé, puis renvoie ton point d'étape.
checkins-blockers = Quelque chose te bloque ? (facultatif)
checkins-next-step = Ta prochaine étape (facultatif)
checkins-mood-saved = Humeur enregistrée : { $mood }. Appuie sur **Répondre** pour ajouter quelques mots, quand ça t'arrange.
checkins-mood-unchanged = Ton humeur est déjà enregistrée ({ $mood }), donc rien n'a changé.
checkins-saved = Merci, ton point d'étape est enregistré. Un court résumé est maintenant dans le salon du binôme.
checkins-unchanged = Ton point d'étape dit déjà exactement ça, donc rien n'a changé.
checkins-saved-late = Merci, ton point d'étape est enregistré (marqué en retard, ce n'est pas grave). Un court résumé est maintenant dans le salon du binôme.
checkins-summary = **<@{ $user }> a fait son point d'étape**
checkins-summary-late = **<@{ $user }> a fait son point d'étape** (en retard)
checkins-summary-mood = **<@{ $user }> a fait son point d'étape**, humeur : { $mood }
checkins-summary-late-mood = **<@{ $user }> a fait son point d'étape** (en retard), humeur : { $mood }
checkins-summary-progress = Avancées : { $text }
checkins-summary-blockers = Blocages : { $text }
checkins-summary-next = Prochaine étape : { $text }
checkins-not-your-checkin = Ce point d'étape concerne un autre binôme. Réponds à ceux du salon de ton binôme.
checkins-closed = Ce binôme n'est plus actif, ses points d'étape sont donc fermés.
checkins-only-moderators = Seuls les modérateurs peuvent lancer une série de points d'étape.
checkins-no-pairs = Il n'y a encore aucun binôme actif avec qui faire le point. Forme des binômes avec `/pair create` ou `/pair suggest`.
checkins-round-started =
    { $pairs ->
        [one] Envoi d'un point d'étape à { $pairs } binôme (les binômes en pause sont laissés de côté). Les réponses arriveront dans les prochains jours.
       *[other] Envoi d'un point d'étape à { $pairs } binômes (les binômes en pause sont laissés de côté). Les réponses arriveront dans les prochains jours.
    }
checkins-facilitator = Cette fois, <@{ $user }> lance la conversation : une question, une réussite ou ce qui coince cette semaine. Au prochain point d'étape, ce sera le tour de quelqu'un d'autre.
