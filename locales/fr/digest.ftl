digest-only-moderators = Seuls les modérateurs peuvent voir le récapitulatif. Demande à un modérateur si tu veux savoir comment se porte le programme.
digest-export-only-moderators = Seuls les modérateurs peuvent exporter les données du programme. Pour obtenir les tiennes, utilise `/mydata export`.
digest-bad-weeks = Le graphique couvre de 2 à 26 semaines. Choisis un nombre dans cet intervalle, ou laisse `weeks` de côté pour en avoir 8.
digest-exported = Les données du programme au <t:{ $at }:f>. Uniquement des nombres, des humeurs et des dates : ce que les membres ont écrit n'y figure pas. Ouvre les fichiers dans n'importe quel tableur.
# $week is the date the week starts, e.g. 30 Nov 2026.
digest-title = Récapitulatif du mentorat : semaine du { $week }
digest-reason-quiet =
    { $days ->
        [one] aucun message ni rencontre depuis { $days } jour
       *[other] aucun message ni rencontre depuis { $days } jours
    }
digest-reason-quiet-since-start =
    { $days ->
        [one] aucun message ni rencontre depuis leur mise en binôme il y a { $days } jour
       *[other] aucun message ni rencontre depuis leur mise en binôme il y a { $days } jours
    }
digest-reason-unanswered =
    { $count ->
        [one] dernier point d'étape sans réponse
       *[other] { $count } points d'étape sans réponse d'affilée
    }
digest-reason-low-mood = humeur basse (moyenne { $average } sur 5)
digest-reason-mood-falling = humeur en baisse ({ $from } → { $to })
digest-reason-goals-overdue =
    { $count ->
        [one] { $count } objectif en retard
       *[other] { $count } objectifs en retard
    }
digest-action-quiet = dis bonjour dans leur salon, ou demande à chacun en privé si le binôme fonctionne toujours
digest-action-unanswered = demande-leur si l'horaire des points d'étape leur convient, ou propose-leur une pause avec `/pair pause`
digest-action-mood = contacte chaque membre en privé pour lui demander comment ça se passe
digest-action-goals = aide-les à fixer de nouvelles dates pour leurs objectifs, ou à les rendre plus modestes
# Shown instead of a member who erased their data.
digest-erased = (effacé)
digest-pair = { $mentor } & { $mentee }
digest-pair-in = { $mentor } & { $mentee } dans <#{ $channel }>
digest-red-line = 🔴 **Rouge** : { $pair } : { $reasons }.
    → Suggestion : { $action }.
# $from and $to are days like "Mon 30 Nov" and "Sun 6 Dec 2026".
digest-period = Du { $from } au { $to } (UTC), par rapport à la semaine précédente.
digest-health = **État des binômes :** 🟢 { $green } en vert · 🟠 { $amber } en orange · 🔴 { $red } en rouge · ⏸️ { $paused } en pause
digest-no-red = Aucun binôme n'est en rouge cette semaine.
digest-needs-attention = **À surveiller**
digest-more-red =
    { $count ->
        [one] …et { $count } autre binôme en rouge : `/export` liste chaque binôme avec son état (pairs.csv).
       *[other] …et { $count } autres binômes en rouge : `/export` liste chaque binôme avec son état (pairs.csv).
    }
digest-percent = { $value } %
digest-answer-rate = { $rate } ({ $answers } sur { $expected })
digest-no-checkins = aucun point d'étape
digest-waiting =
    { $days ->
        [one] { $waiting }, jusqu'à { $days } jour d'attente
       *[other] { $waiting }, jusqu'à { $days } jours d'attente
    }
digest-none = aucun
digest-load = { $load } mentorés par mentor, { $full } mentors complets sur { $mentors }
digest-no-mentors = aucun mentor actif
digest-pulse = { $average } sur 5 ({ $answers } réponses)
digest-pulse-hidden = masqué : { $answers } réponses, affiché à partir de { $min }
digest-no-pulse = pas de pouls
digest-retention = { $rate } ({ $retained } binômes sur { $pairs })
digest-no-retention = pas encore de binôme aussi ancien
digest-of = { $part } sur { $whole }
digest-row-active-members = Membres actifs
digest-row-active-pairs = Binômes actifs
digest-row-new-enrolments = Nouvelles inscriptions
digest-row-waiting = Mentorés en attente
digest-row-load = Charge des mentors
digest-row-answered = Points d'étape remplis
digest-row-per-pair = Par binôme (médiane)
# $messages and $meetings are the numbers as written; the *_count ones choose the plural.
digest-per-pair = { $messages } { $messages_count ->
        [one] message
       *[other] messages
    }, { $meetings } { $meetings_count ->
        [one] rencontre
       *[other] rencontres
    }
digest-pulse-up = en hausse de { $change } par rapport au précédent
digest-pulse-down = en baisse de { $change } par rapport au précédent
digest-pulse-steady = stable ({ $change }) par rapport au précédent
digest-row-pulse = Pouls
digest-row-goals-done = Objectifs atteints
digest-row-kudos = Kudos
digest-row-retention = Rétention (8 semaines et plus)
digest-field = **{ $this }**
    semaine dernière : { $last }
digest-footer = Graphique : les { $weeks } dernières semaines. Les semaines vont du lundi au dimanche, en UTC. /export contient toutes les données.
digest-chart-none = aucun
digest-alt-text = Graphique des { $weeks } dernières semaines, de la plus ancienne à la plus récente. Taux de réponse aux points d'étape : { $rates }. Binômes actifs : { $pairs }. Moyenne du pouls : { $pulse }.
digest-this-week = cette semaine
digest-last-week = semaine dernière
digest-chart-title =
    { $weeks ->
        [0] tandem — pas encore de semaine
        [one] tandem — la dernière semaine
       *[other] tandem — les { $weeks } dernières semaines
    }
digest-chart-no-data = pas encore de données
digest-chart-rate = Taux de réponse aux points d'étape (%)
digest-chart-rate-now = Taux de réponse aux points d'étape : { $rate } % cette semaine
digest-chart-rate-none = Taux de réponse aux points d'étape : aucun point d'étape prévu cette semaine
digest-chart-pairs = Binômes actifs
digest-chart-pairs-now = Binômes actifs : { $pairs } cette semaine
digest-chart-pulse = Moyenne du pouls (1–5)
digest-chart-pulse-now = Moyenne du pouls (1–5) : { $average } cette semaine
digest-chart-pulse-none = Moyenne du pouls (1–5) : non disponible cette semaine

# tandem's own pulse questions (servers that configure none).
digest-pulse-question-1 = Le mentorat t'a-t-il été utile ces deux dernières semaines ?
digest-pulse-question-2 = Ton binôme fonctionne-t-il bien en ce moment ?
digest-pulse-question-3 = Recommanderais-tu le programme à quelqu'un de ton entourage ?
digest-pulse-question-4 = As-tu beaucoup appris ces deux dernières semaines ?
digest-open-reports =
    { $count ->
        [one] 📨 **{ $count } signalement** d'un membre n'a pas encore été lu : retrouve-le dans ce salon et appuie sur le bouton Marquer comme lu.
       *[other] 📨 **{ $count } signalements** de membres n'ont pas encore été lus : retrouve-les dans ce salon et appuie sur le bouton Marquer comme lu.
    }
digest-cycle =
    { $days ->
        [one] {"**"}{ $name }** : { $days } jour restant (fin le <t:{ $end }:D>).
       *[other] {"**"}{ $name }** : { $days } jours restants (fin le <t:{ $end }:D>).
    }
digest-cycle-ask = Les binômes seront interrogés <t:{ $ask }:R> : continuer ou non.
digest-cycle-unanswered =
    { $waiting ->
        [0] Tous les binômes ont dit s'ils continuent.
        [one] { $waiting } binôme sur { $pairs } n'a pas encore dit s'il continue : `/programme status` l'indique.
       *[other] { $waiting } binômes sur { $pairs } n'ont pas encore dit s'ils continuent : `/programme status` les indique.
    }
digest-paused-no-answer =
    { $count ->
        [one] {"**"}En pause : sans réponse** ({ $count } mentor) : { $mentors }. Pas de réponse à la question mensuelle : pas de nouveaux mentorés jusqu'à ce que la personne appuie sur Oui ; ses binômes continuent.
       *[other] {"**"}En pause : sans réponse** ({ $count } mentors) : { $mentors }. Pas de réponse à la question mensuelle : pas de nouveaux mentorés jusqu'à ce qu'ils appuient sur Oui ; leurs binômes continuent.
    }
digest-paused-chose =
    { $count ->
        [one] { $count } autre mentor a choisi une pause ou de se retirer.
       *[other] { $count } autres mentors ont choisi une pause ou de se retirer.
    }
digest-space-in = { $people } dans <#{ $channel }>
