setup-admin-only = Seuls les admins du serveur (permission Gérer le serveur) peuvent modifier la configuration de tandem.
setup-access-unfinished = Discord a refusé certaines modifications, donc quelques salons de binôme affichent peut-être encore l'ancien rôle des modérateurs. Je terminerai au prochain démarrage. Pour terminer maintenant, relance `/setup moderator_role`.
setup-title = Configuration de tandem
setup-saved = C'est enregistré. Voici la configuration actuelle de tandem :
setup-unchanged = Rien n'a changé. Voici la configuration de tandem :
setup-current = Voici la configuration de tandem. Lance `/setup` avec des options pour la modifier.
setup-not-set = non défini
setup-digest-channel = Salon du récapitulatif
setup-moderator-role = Rôle des modérateurs
setup-pair-category = Catégorie des binômes
setup-timezone = Fuseau horaire
setup-language = Langue
setup-mentor-approval = Nouveaux mentors
setup-still-to-choose = Encore à choisir
setup-permissions = Permissions manquantes
setup-ready = Tout est en place. Les membres peuvent maintenant voir ce qu'ils peuvent faire avec `/help`.
setup-digest-not-text = Le salon du récapitulatif doit être un salon textuel. Choisis-en un que les modérateurs peuvent lire.
setup-category-not-category = La catégorie des binômes doit être une catégorie de salons (les intitulés en forme de dossier dans la liste des salons).
setup-ended-channels = Salons des binômes terminés
setup-checkins = Points d'étape
setup-pulse = Sondages pouls
setup-digest = Récapitulatif
setup-anonymity = Résultats du pouls
setup-anonymity-too-low = Les résultats du pouls doivent attendre au moins 3 réponses avant de s'afficher, pour que personne ne puisse deviner la réponse de quelqu'un. Choisis 3 ou plus.
setup-anonymity-too-high = Les résultats du pouls peuvent attendre au plus 1000 réponses. Choisis un nombre entre 3 et 1000.
setup-channel-gone = Je ne trouve plus ce salon sur ce serveur. Choisis-en un dans la liste pendant que tu tapes.
setup-role-gone = Je ne trouve plus ce rôle sur ce serveur. Choisis-en un dans la liste pendant que tu tapes.
setup-everyone-role = Le rôle des modérateurs ne peut pas être le rôle que tout le monde a, sinon n'importe quel membre pourrait former des binômes et lire le récapitulatif. Choisis ou crée un rôle réservé aux modérateurs.
setup-needs-attention = À régler
setup-bot-language = Langue de tandem
# $language: the language's own name, e.g. Español.
setup-bot-language-follows = { $language } (la langue du programme)
setup-access-progress = Accès du nouveau rôle des modérateurs aux salons des binômes : { $done } sur { $total }…
setup-access-moved =
    { $channels ->
        [0] Le nouveau rôle des modérateurs est enregistré. Il n'y a encore aucun salon de binôme à mettre à jour.
        [one] C'est fait : le nouveau rôle des modérateurs voit le salon de binôme, l'ancien ne le voit plus.
       *[other] C'est fait : le nouveau rôle des modérateurs voit les { $channels } salons de binôme, l'ancien ne les voit plus.
    }
setup-bad-timezone = Je ne connais pas le fuseau horaire « { $input } ». Choisis-en un dans la liste pendant que tu tapes, par exemple `Europe/Berlin`, `America/New_York` ou `UTC+2`.
# e.g. "Europe/Berlin (UTC+01:00 now)"
setup-timezone-value = { $zone } (UTC{ $offset } actuellement)
setup-approval-needed = doivent être approuvés par un modérateur
setup-approval-not-needed = sont actifs tout de suite
# $place is a channel mention.
setup-channel-unreachable = Je n'arrive plus à ouvrir { $place }. Il a peut-être été supprimé. Choisis-en un autre avec `/setup`.
setup-cron-fields = il faut 5 champs (minute heure jour mois jour-de-la-semaine), comme `0 17 * * Tue`
setup-cron-syntax = impossible de le lire ; écris-le comme `0 17 * * Tue` (minute heure jour mois jour-de-la-semaine)
setup-cron-never = il ne se déclenche jamais
setup-cron-too-often = il se déclenche plus d'une fois par heure ; choisis au maximum une fois par heure
setup-bad-schedule = `{ $option }` « { $input } » ne fonctionne pas : { $why }. Les champs sont minute, heure, jour, mois et jour de la semaine, dans le fuseau horaire du serveur. Utilise `default` pour revenir au calendrier standard.
setup-schedule = `{ $cron }`
setup-schedule-default = `{ $cron }` (par défaut)
setup-schedule-next = prochain envoi : <t:{ $next }:F>
setup-anonymity-value = affichés à partir de { $min } réponses
setup-archive-read-only = conservés en lecture seule
setup-archive-delete = supprimés
setup-finish-with = Relance `/setup` avec { $options } pour terminer.
setup-invalid-setting = `{ $option }` « { $value } » n'est plus accepté, la valeur par défaut est donc utilisée. Lance `/setup { $option }:` avec une nouvelle valeur pour choisir à nouveau.
setup-missing-permissions = Dans { $place }, il me manque encore : **{ $permissions }**. Donne ces permissions au rôle de tandem à cet endroit, puis relance `/setup` pour vérifier.
setup-perm-view-channel = Voir les salons
setup-perm-manage-channels = Gérer les salons
setup-perm-manage-roles = Gérer les rôles
setup-perm-send-messages = Envoyer des messages
setup-perm-embed-links = Intégrer des liens
setup-perm-attach-files = Joindre des fichiers
setup-perm-read-message-history = Voir les anciens messages
setup-near-channel-limit = Ce serveur a { $channels } des { $max } salons que Discord autorise, et chaque nouveau binôme en demande un. Supprime ou archive les salons inutiles, sinon les nouveaux binômes ne tiendront plus.
setup-channels = Salons
setup-pair-space = Espace des binômes
setup-pair-space-channels = un salon privé chacun, dans la catégorie des binômes
setup-pair-space-threads = un fil privé chacun, dans <#{ $hub }>
setup-pair-space-threads-no-hub = un fil privé chacun (leur salon n'est pas encore créé)
setup-use-threads = Ou choisis `/setup pair_space:threads` : les nouveaux binômes auront des fils privés, qui ne comptent pas dans la limite.
setup-hub-failed = tandem n'a pas pu créer le salon qui contient les fils des binômes, ou son rôle. Donne à tandem les permissions Gérer les salons et Gérer les rôles, puis relance `/setup pair_space:threads`.
setup-hub-name = binomes-de-mentorat
setup-hub-topic = Chaque binôme de mentorat a ici son propre fil privé. Seuls ses deux membres et les modérateurs le voient.
setup-pair-role-name = Binômes de mentorat
setup-perm-manage-threads = Gérer les fils
setup-perm-create-private-threads = Créer des fils privés
setup-perm-send-messages-in-threads = Envoyer des messages dans les fils
setup-the-server = le serveur
