activity-meet-only-members = Seules les deux personnes de ce binôme peuvent enregistrer leurs rencontres.
activity-kudos-self = Les kudos servent à remercier quelqu'un d'autre. Qui t'a aidé récemment ? Essaie `/kudos` avec son nom.
activity-kudos-bot = Les bots n'ont pas besoin de remerciements, les gens si : choisis plutôt un membre.
activity-kudos-empty = Dis en quelques mots pourquoi tu remercies cette personne, puis réessaie.
activity-kudos-not-member = Tu ne peux remercier que des personnes présentes sur ce serveur. Choisis quelqu'un dans la liste pendant que tu tapes.
activity-meet-minutes = Une rencontre s'enregistre en minutes, de 1 à 600. Réessaie en indiquant combien de temps vous vous êtes vus.
activity-kudos-too-long = Ton message de remerciement fait { $chars } caractères ; limite-le à 200, s'il te plaît.
activity-note-too-long = Ta note fait { $chars } caractères ; limite-la à 200, s'il te plaît.
activity-minutes = { $minutes } min
activity-hours = { $hours } h
activity-hours-minutes = { $hours } h { $minutes } min
# $length and $total are durations written as above; $meetings counts this pair's meetings.
activity-meeting-recorded =
    { $meetings ->
        [one] 📅 <@{ $user }> a enregistré une rencontre de { $length } : c'est la toute première pour votre binôme. Beau travail !
       *[other] 📅 <@{ $user }> a enregistré une rencontre de { $length } : { $meetings } rencontres jusqu'ici, { $total } au total. Beau travail !
    }
# $received counts the kudos this person has had, this one included.
activity-kudos = 🙌 **Kudos à <@{ $receiver }>** de la part de <@{ $giver }> : { $reason }
    -# C'est son { NUMBER($received, type: "ordinal") ->
        [one] { $received }er
       *[other] { $received }e
    } kudos. Remercie quelqu'un avec `/kudos`.
activity-kudos-limited = Tu as donné { $per_day } kudos ces dernières 24 heures. Merci de les distribuer autour de toi ! Tu pourras en donner d'autres <t:{ $again }:R>.
