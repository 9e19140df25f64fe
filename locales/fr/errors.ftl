errors-bad-argument = Une des options ne semble pas correcte. Vérifie-les et relance la commande.
errors-guild-only = Cette commande fonctionne sur un serveur, pas en messages privés.
errors-not-allowed = Tu n'as pas la permission d'utiliser cette commande.
errors-stale-button = Ce bouton n'est plus valide. Relance la commande.
errors-stale-form = Ce formulaire n'est plus valide. Relance la commande.
errors-internal = Désolé, quelque chose s'est mal passé de notre côté. Rien n'a été modifié. Si ça se reproduit, préviens un modérateur en lui donnant le code d'erreur `{ $error_id }`.
